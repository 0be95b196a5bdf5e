resource "azurerm_cognitive_account" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  kind                = "TextAnalytics"
  sku_name            = "S"
  local_auth_enabled  = false
}
