resource "azurerm_key_vault" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  purge_protection_enabled = true
}
