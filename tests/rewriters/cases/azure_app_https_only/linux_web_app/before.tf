resource "azurerm_linux_web_app" "web" {
  name                = "acme-web"
  location            = "westeurope"
  resource_group_name = "rg"
  service_plan_id     = azurerm_service_plan.main.id

  site_config {}
}
