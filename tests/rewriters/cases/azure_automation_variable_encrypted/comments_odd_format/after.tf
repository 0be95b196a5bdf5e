# encrypt the automation account variable
resource "azurerm_automation_variable_string" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-ops"
  automation_account_name = azurerm_automation_account.ops.name
  value = "prod"
  encrypted = true   # TODO: revisit
}
