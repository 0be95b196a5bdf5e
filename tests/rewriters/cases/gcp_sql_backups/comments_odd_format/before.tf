# enable automated backups on the cloud sql instance
resource "google_sql_database_instance" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "orders"
  database_version = "POSTGRES_15"
  region = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}
