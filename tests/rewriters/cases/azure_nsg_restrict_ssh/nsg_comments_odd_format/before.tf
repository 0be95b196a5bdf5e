# jump hosts NSG
resource "azurerm_network_security_group" "jump" {
  name = "jump"
  location = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name = "web"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "443"
    source_address_prefix = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "admin"  # temporary
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["22", "8080"]
    source_address_prefix      = "Internet"   # FIXME
    destination_address_prefix = "*"
  }
}
