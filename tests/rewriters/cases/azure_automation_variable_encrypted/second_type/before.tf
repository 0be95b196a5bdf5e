resource "azurerm_automation_variable_bool" "other" {
  resource_group_name     = "rg-ops"
  automation_account_name = azurerm_automation_account.ops.name
  value                   = "prod"
}
