resource "azurerm_eventgrid_topic" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  local_auth_enabled  = false
}
