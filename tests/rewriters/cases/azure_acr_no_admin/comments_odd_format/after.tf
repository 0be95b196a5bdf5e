# disable the container registry's admin user
resource "azurerm_container_registry" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku = "Premium"
  admin_enabled = false   # TODO: revisit
}
