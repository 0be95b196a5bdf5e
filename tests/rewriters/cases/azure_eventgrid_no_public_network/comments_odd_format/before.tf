# disable public network access to the event grid topic or domain
resource "azurerm_eventgrid_topic" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  local_auth_enabled = false
  public_network_access_enabled = true   # TODO: revisit
}
