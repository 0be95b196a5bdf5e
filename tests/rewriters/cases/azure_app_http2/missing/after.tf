resource "azurerm_linux_web_app" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id

  site_config {
    http2_enabled = true
  }
}
