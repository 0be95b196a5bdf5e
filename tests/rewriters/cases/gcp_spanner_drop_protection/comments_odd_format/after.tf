# protect the spanner database from being dropped
resource "google_spanner_database" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  instance = google_spanner_instance.main.name
  name = "orders"
  enable_drop_protection = true   # TODO: revisit
}
