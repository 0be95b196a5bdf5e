resource "azurerm_eventgrid_domain" "other" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  public_network_access_enabled = false
  local_auth_enabled = false
}
