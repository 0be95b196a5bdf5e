# disable public network access to the cognitive services account
resource "azurerm_cognitive_account" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  kind = "TextAnalytics"
  sku_name = "S"
  local_auth_enabled = false
  public_network_access_enabled = true   # TODO: revisit
}
