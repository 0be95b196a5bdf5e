# require tls 1.2 on the web or function app
resource "azurerm_linux_web_app" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  service_plan_id = azurerm_service_plan.main.id

  site_config {
    minimum_tls_version = "1.0"
  }
}
