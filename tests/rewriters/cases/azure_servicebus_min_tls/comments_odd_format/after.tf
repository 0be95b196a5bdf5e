# require tls 1.2 on the service bus namespace
resource "azurerm_servicebus_namespace" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku = "Standard"
  minimum_tls_version = "1.2"   # TODO: revisit
}
