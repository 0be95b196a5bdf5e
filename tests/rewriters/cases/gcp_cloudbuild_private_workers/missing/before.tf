resource "google_cloudbuild_worker_pool" "main" {
  name     = "builds"
  location = "europe-west1"

  worker_config {
    machine_type = "e2-standard-4"
  }
}
