# protect the bigquery table from deletion
resource "google_bigquery_table" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  dataset_id = google_bigquery_dataset.analytics.dataset_id
  table_id = "events"
  deletion_protection = false   # TODO: revisit
}
