# protect the bigtable instance from deletion
resource "google_bigtable_instance" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "timeseries"

  cluster {
    cluster_id = "timeseries-c1"
    zone = "europe-west1-b"
    num_nodes = 1
    storage_type = "SSD"
  }
  deletion_protection = false   # TODO: revisit
}
