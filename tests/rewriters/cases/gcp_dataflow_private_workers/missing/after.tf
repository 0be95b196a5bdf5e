resource "google_dataflow_job" "main" {
  name              = "ingest"
  template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
  temp_gcs_location = "gs://acme-tmp/dataflow"
  ip_configuration  = "WORKER_IP_PRIVATE"
}
