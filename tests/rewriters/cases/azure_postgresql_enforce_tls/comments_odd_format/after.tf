# enforce tls 1.2 connections to the postgresql server
resource "azurerm_postgresql_server" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku_name = "GP_Gen5_2"
  version = "11"
  administrator_login = "pgadmin"
  administrator_login_password = var.pg_password
  ssl_enforcement_enabled = true   # TODO: revisit
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
