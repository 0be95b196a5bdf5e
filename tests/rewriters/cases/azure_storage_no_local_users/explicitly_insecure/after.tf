resource "azurerm_storage_account" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
  local_user_enabled = false
}
