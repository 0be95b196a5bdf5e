resource "azurerm_eventgrid_domain" "other" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  local_auth_enabled  = false
}
