resource "azurerm_windows_web_app" "other" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id

  site_config {
    minimum_tls_version = "1.0"
  }
}
