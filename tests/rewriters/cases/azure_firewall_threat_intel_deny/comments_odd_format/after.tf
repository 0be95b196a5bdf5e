# deny traffic to known-malicious addresses on the azure firewall
resource "azurerm_firewall" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku_name = "AZFW_VNet"
  sku_tier = "Standard"

  ip_configuration {
    name = "configuration"
    subnet_id = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
  threat_intel_mode = "Deny"   # TODO: revisit
}
