resource "google_data_fusion_instance" "main" {
  name   = "etl"
  region = "europe-west1"
  type   = "BASIC"

  enable_stackdriver_logging = true

  enable_stackdriver_monitoring = true
}
