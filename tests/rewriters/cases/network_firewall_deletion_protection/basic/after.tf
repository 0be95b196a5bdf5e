resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.edge.arn
  vpc_id              = aws_vpc.main.id
  delete_protection   = true

  subnet_mapping {
    subnet_id = aws_subnet.firewall.id
  }
}
