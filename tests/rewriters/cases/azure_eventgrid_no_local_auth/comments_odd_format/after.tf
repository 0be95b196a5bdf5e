# require azure ad authentication on the event grid topic or domain
resource "azurerm_eventgrid_topic" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  public_network_access_enabled = false
  local_auth_enabled = false   # TODO: revisit
}
