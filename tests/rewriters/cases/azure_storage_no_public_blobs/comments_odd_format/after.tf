# shared storage account
resource "azurerm_storage_account" "shared" {
  name                = "acmeshared"   # globally unique
  resource_group_name = "rg"
  location = "westeurope"
  account_tier = "Standard"
  account_replication_type = "LRS"
  min_tls_version = "TLS1_0"   # legacy SFTP client
  allow_nested_items_to_be_public = false
  public_network_access_enabled = true
}
