# serve the cdn endpoint over https only
resource "azurerm_cdn_endpoint" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  profile_name = "acme-cdn"

  origin {
    name = "web"
    host_name = "www.example.com"
  }
  is_http_allowed = false   # TODO: revisit
}
