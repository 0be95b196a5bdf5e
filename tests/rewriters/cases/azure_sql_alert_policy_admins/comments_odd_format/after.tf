# send sql threat-detection alerts to the service administrators
resource "azurerm_mssql_server_security_alert_policy" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-data"
  server_name = azurerm_mssql_server.main.name
  state = "Enabled"
  email_addresses = ["dba@example.com"]
  email_account_admins = true   # TODO: revisit
}
