// app secrets
resource "azurerm_key_vault" "app" {
  name = "acme-app-kv"   # 24 chars max
  location = "westeurope"
  resource_group_name = "rg"
  tenant_id = var.tenant_id
  sku_name = "premium"
  purge_protection_enabled = true # ephemeral envs
}
