resource "azurerm_mysql_server" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku_name                     = "GP_Gen5_2"
  version                      = "8.0"
  administrator_login          = "myadmin"
  administrator_login_password = var.mysql_password
  ssl_enforcement_enabled      = true
  public_network_access_enabled = false
}
