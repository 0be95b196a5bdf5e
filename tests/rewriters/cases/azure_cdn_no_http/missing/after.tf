resource "azurerm_cdn_endpoint" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  profile_name        = "acme-cdn"
  is_http_allowed     = false

  origin {
    name      = "web"
    host_name = "www.example.com"
  }
}
