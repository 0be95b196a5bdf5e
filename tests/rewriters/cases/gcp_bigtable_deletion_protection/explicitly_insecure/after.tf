resource "google_bigtable_instance" "main" {
  name = "timeseries"

  cluster {
    cluster_id   = "timeseries-c1"
    zone         = "europe-west1-b"
    num_nodes    = 1
    storage_type = "SSD"
  }
  deletion_protection = true
}
