# require tls 1.2 on the sql server
resource "azurerm_mssql_server" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  version = "12.0"
  administrator_login = "sqladmin"
  administrator_login_password = var.sql_password
  minimum_tls_version = "1.0"   # TODO: revisit
}
