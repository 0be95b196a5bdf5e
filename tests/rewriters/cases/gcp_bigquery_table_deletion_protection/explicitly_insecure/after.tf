resource "google_bigquery_table" "main" {
  dataset_id = google_bigquery_dataset.analytics.dataset_id
  table_id   = "events"
  deletion_protection = true
}
