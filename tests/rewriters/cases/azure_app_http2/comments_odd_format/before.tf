# serve the web app over http/2
resource "azurerm_linux_web_app" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  service_plan_id = azurerm_service_plan.main.id

  site_config {
    http2_enabled = false
  }
}
