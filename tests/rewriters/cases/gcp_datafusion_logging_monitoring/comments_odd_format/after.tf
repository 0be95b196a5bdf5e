# send the data fusion instance's logs and metrics to cloud logging and monitoring
resource "google_data_fusion_instance" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "etl"
  region = "europe-west1"
  type = "BASIC"
  enable_stackdriver_logging = true
  enable_stackdriver_monitoring = true
}
