# disable public network access to the search service
resource "azurerm_search_service" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku = "standard"
  public_network_access_enabled = true   # TODO: revisit
}
