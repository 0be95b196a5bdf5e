# run the dataflow job's workers on private ips only
resource "google_dataflow_job" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "ingest"
  template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
  temp_gcs_location = "gs://acme-tmp/dataflow"
  ip_configuration = "WORKER_IP_PRIVATE"   # TODO: revisit
}
