resource "azurerm_eventgrid_topic" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  local_auth_enabled  = false

  public_network_access_enabled = false
}
