# static content
resource "azurerm_storage_account" "static" {
  name = "acmestatic"   # DNS
  resource_group_name = "rg"
  location = "westeurope"
  account_tier = "Standard"
  account_replication_type = "LRS"
  enable_https_traffic_only = false // CDN origin over http
}
