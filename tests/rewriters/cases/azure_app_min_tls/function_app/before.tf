resource "azurerm_linux_function_app" "worker" {
  name                       = "acme-worker"
  resource_group_name        = "rg-app"
  location                   = "westeurope"
  service_plan_id            = azurerm_service_plan.main.id
  storage_account_name       = "acmefuncstore"
  storage_account_access_key = var.storage_key

  site_config {
    minimum_tls_version = "1.1"
  }
}
