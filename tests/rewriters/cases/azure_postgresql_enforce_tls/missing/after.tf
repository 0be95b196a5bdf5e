resource "azurerm_postgresql_server" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku_name                     = "GP_Gen5_2"
  version                      = "11"
  administrator_login          = "pgadmin"
  administrator_login_password = var.pg_password
  ssl_enforcement_enabled = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
