resource "azurerm_eventgrid_topic" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  public_network_access_enabled = false
  local_auth_enabled = false
}
