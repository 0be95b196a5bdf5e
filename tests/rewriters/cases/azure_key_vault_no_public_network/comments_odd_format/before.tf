# disable public network access to the key vault
resource "azurerm_key_vault" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  tenant_id = var.tenant_id
  sku_name = "standard"
  purge_protection_enabled = true
  public_network_access_enabled = true   # TODO: revisit
}
