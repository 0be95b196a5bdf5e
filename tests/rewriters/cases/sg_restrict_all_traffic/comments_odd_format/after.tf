# owned by platform team (see CODEOWNERS)
resource "aws_security_group" "app" {
    name          =   "app"   # keep in sync with the runbook
    description = "app servers"
    vpc_id      = aws_vpc.main.id

    ingress {
        description = "everything"
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["10.20.0.0/16"]
    }
    /* reviewed 2024-03 */
}
