# disable public network access to the data factory
resource "azurerm_data_factory" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  public_network_enabled = true   # TODO: revisit
}
