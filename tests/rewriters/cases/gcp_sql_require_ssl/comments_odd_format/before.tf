# reporting replica
resource "google_sql_database_instance" "reports" {
  name = "reports"   # keep
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = false # private IP only
      require_ssl = false
    }
  }
}
