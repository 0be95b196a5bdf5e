resource "azurerm_container_registry" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku                 = "Premium"
  admin_enabled = true
}
