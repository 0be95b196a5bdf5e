resource "google_spanner_database" "main" {
  instance = google_spanner_instance.main.name
  name     = "orders"
}
