# give cloud build private pool workers no external ip
resource "google_cloudbuild_worker_pool" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "builds"
  location = "europe-west1"

  worker_config {
    machine_type = "e2-standard-4"

    no_external_ip = true
  }
}
