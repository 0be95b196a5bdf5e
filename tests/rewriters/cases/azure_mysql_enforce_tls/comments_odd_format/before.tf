# enforce tls 1.2 connections to the mysql server
resource "azurerm_mysql_server" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku_name = "GP_Gen5_2"
  version = "8.0"
  administrator_login = "myadmin"
  administrator_login_password = var.mysql_password
  ssl_enforcement_enabled = false   # TODO: revisit
}
